using System.Net;

namespace Dnsbl.Cli.Commands;

/// <summary>
/// Whether any input of a <c>check -f</c> run could be answered from the answer cache an earlier input filled: the
/// tool turns the cache off for a run where none could, since storing answers that no later input reads cost about a
/// tenth of the run's CPU (100,000 distinct addresses: ~0.35 s of ~3.8 s, and ~40 MB more of them kept and promoted
/// by the GC).
/// </summary>
/// <remarks>
/// Only addresses are compared: an IP list asks exactly the address (an IPv4-mapped IPv6 address as the IPv4 address it
/// carries, without a scope), so distinct addresses ask distinct questions. Two distinct domains can ask the same
/// question (letter case, a trailing dot, a list that asks the registered domain of each), so a run with any domain
/// keeps the cache. Inputs with a problem are never checked and do not count.
/// </remarks>
internal static class RepeatedInputs
{
    public static bool AnyCouldReuseAnAnswer(IReadOnlyList<CheckInput> inputs)
    {
        var asked = new HashSet<IPAddress>(inputs.Count);
        foreach (var input in inputs)
        {
            if (input.Problem is not null)
            {
                continue;
            }

            if (input.Address is not { } address || !asked.Add(AsAsked(address)))
            {
                return true;
            }
        }

        return false;
    }

    private static IPAddress AsAsked(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        return address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork || address.ScopeId == 0
            ? address
            : new IPAddress(address.GetAddressBytes());
    }
}
