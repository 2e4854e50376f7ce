namespace Dnsbl.Cli;

/// <summary>The command line or an input is unusable; the message is shown as it is and the exit code is 2.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
