namespace Dnsbl.Cli;

/// <summary>The exit codes of the dnsbl tool; scripts rely on them.</summary>
internal static class ExitCodes
{
    public const int Clean = 0;
    public const int Listed = 1;
    public const int UsageError = 2;
    public const int Unhealthy = 3;
}
