using System.Text.Json;
using Dnsbl.Client.Testing.Zones;
using Dnsbl.Client.Testing;

namespace Dnsbl.Client.Tests.Cli;

public class MessageCheckTests
{
    // Issue #15, case 3 through the command line: a relay in 240.0.0.0/4 (reserved) is reported as not asked, with its reason,
    // and --ask-reserved asks it (for lab zones such as this one).
    [Fact]
    public async Task CheckMessage_ReservedRelay_ReportedThenAskedWithAskReserved()
    {
        var zones = new ZoneSet().Add("bl.lab.test", ZoneDatasetType.Ip4Set, "240.0.0.7 :127.0.0.2:lab\n");
        await using var server = await InProcessDnsServer.StartAsync(zones);
        var file = Path.Combine(Path.GetTempPath(), $"reserved-{Guid.NewGuid():N}.eml");
        await File.WriteAllTextAsync(file, "Received: from bench (bench [240.0.0.7]) by mx.lab.test (Postfix) with ESMTP id 1; Mon, 2 Jan 2026 10:00:00 +0000\r\nSubject: lab\r\n\r\nbody\r\n");
        try
        {
            string[] common = ["check", "--message", file, "--json", "--no-probe", "--dns", server.EndPoint.ToString(), "--list", "ip:bl.lab.test", "--relays", "LastExternal"];
            var plain = JsonDocument.Parse((await CliRunner.RunAsync(common)).Output).RootElement;
            Assert.Equal(0, plain.GetProperty("lists").GetArrayLength());
            var skipped = Assert.Single(plain.GetProperty("skipped").EnumerateArray());
            Assert.Equal("240.0.0.7", skipped.GetProperty("key").GetString());
            Assert.Equal("reserved", skipped.GetProperty("reason").GetString(), StringComparer.OrdinalIgnoreCase);

            var run = await CliRunner.RunAsync([.. common, "--ask-reserved"]);
            Assert.Equal(1, run.ExitCode);
            var lookup = Assert.Single(JsonDocument.Parse(run.Output).RootElement.GetProperty("lists").EnumerateArray());
            Assert.Equal("listed", lookup.GetProperty("outcome").GetString());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
