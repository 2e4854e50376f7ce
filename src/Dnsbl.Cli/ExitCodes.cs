namespace Dnsbl.Cli;

/// <summary>The exit codes of the dnsbl tool; scripts rely on them.</summary>
internal static class ExitCodes
{
    public const int Clean = 0;
    public const int Listed = 1;

    /// <summary>The command line, the configuration or an input is unusable (nothing was judged, or that input could not be).</summary>
    public const int UsageError = 2;
    public const int Unhealthy = 3;

    /// <summary><c>check -f</c>: some lines were not judged (reported as input errors); the others were checked.</summary>
    public const int SomeInputsNotJudged = 4;
}
