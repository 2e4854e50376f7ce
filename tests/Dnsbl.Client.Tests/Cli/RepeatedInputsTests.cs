using Dnsbl.Cli.Commands;

namespace Dnsbl.Client.Tests.Cli;

/// <summary>When a <c>check -f</c> run could reuse an earlier input's answer (and so keeps the answer cache).</summary>
public sealed class RepeatedInputsTests
{
    [Fact]
    public void AnyCouldReuseAnAnswer_DistinctAddresses_False()
    {
        Assert.False(RepeatedInputs.AnyCouldReuseAnAnswer(Parse("192.0.2.1", "192.0.2.2", "2001:db8::1", "2001:db8::2")));
    }

    [Theory]
    [InlineData("192.0.2.1", "192.0.2.1")]
    [InlineData("192.0.2.1", "::ffff:192.0.2.1")]
    [InlineData("2001:db8::1", "2001:0db8:0:0::1")]
    [InlineData("fe80::1%1", "fe80::1%2")]
    public void AnyCouldReuseAnAnswer_SameQuestionTwice_True(string first, string second)
    {
        Assert.True(RepeatedInputs.AnyCouldReuseAnAnswer(Parse("198.51.100.7", first, "198.51.100.8", second)));
    }

    [Fact]
    public void AnyCouldReuseAnAnswer_AnyDomain_True()
    {
        // Distinct domains may still ask one question (case, trailing dot, a list asking the registered domain).
        Assert.True(RepeatedInputs.AnyCouldReuseAnAnswer(Parse("192.0.2.1", "mail.example.com")));
    }

    [Fact]
    public void AnyCouldReuseAnAnswer_RepeatedInputsWithProblems_NotCounted()
    {
        Assert.False(RepeatedInputs.AnyCouldReuseAnAnswer(Parse("300.1.2.3", "300.1.2.3", "localhost", "localhost", "192.0.2.1")));
    }

    private static CheckInput[] Parse(params string[] texts) => [.. texts.Select(t => CheckInput.Parse(t))];
}
