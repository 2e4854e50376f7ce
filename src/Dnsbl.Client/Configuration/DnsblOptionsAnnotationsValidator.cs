using Microsoft.Extensions.Options;

namespace Dnsbl.Client.Configuration;

/// <summary>
/// The data-annotation rules of <see cref="DnsblOptions"/> and, through <c>[ValidateObjectMembers]</c>, of its nested
/// options, checked by code the <c>[OptionsValidator]</c> source generator writes (no reflection at start-up).
/// </summary>
[OptionsValidator]
internal sealed partial class DnsblOptionsAnnotationsValidator : IValidateOptions<DnsblOptions>;
