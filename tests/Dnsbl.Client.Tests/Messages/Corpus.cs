namespace Dnsbl.Client.Tests.Messages;

/// <summary>Reads the hand-written test messages copied next to the test assembly.</summary>
internal static class Corpus
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Messages", "Corpus", name);

    public static string Text(string name) => File.ReadAllText(Path(name));
}
