namespace Dnsbl.Client.IntegrationTests;

/// <summary>
/// Tests that count something of the whole process (open sockets) run alone: another test opening a socket at the
/// same moment would move the count they compare.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideCountTests
{
    public const string Name = "Process-wide counts";
}
