using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Benchmarks.Messages;

/// <summary>The Received headers the Received-parsing benchmarks read: the sample message's five, and the corpus's.</summary>
internal static class ReceivedSamples
{
    /// <summary>The Received values of <see cref="SampleMessage"/> (Postfix, Exim, Microsoft 365, qmail, qmail local).</summary>
    public static string[] Sample() => [.. MessageContext.Parse(System.Text.Encoding.Latin1.GetString(SampleMessage.Build(4 * 1024))).ReceivedHeaders];

    /// <summary>Every Received value of the corpus messages, in file order.</summary>
    public static string[] Corpus(string directory) =>
        [.. CorpusMessages.Files(directory).SelectMany(file => MessageContext.Parse(File.ReadAllText(file, System.Text.Encoding.Latin1)).ReceivedHeaders)];
}
