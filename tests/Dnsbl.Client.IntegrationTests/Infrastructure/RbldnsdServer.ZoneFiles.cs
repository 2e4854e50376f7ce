namespace Dnsbl.Client.IntegrationTests.Infrastructure;

public sealed partial class RbldnsdServer
{
    private const UnixFileMode WorldReadableFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private const UnixFileMode WorldReadableFile = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private const string QueryLogFileName = "queries.log";

    private const UnixFileMode WorldWritableFile = WorldReadableFile | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    private static void CreateWorldWritableFile(string path)
    {
        File.WriteAllBytes(path, []);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, WorldWritableFile);
        }
    }

    private static string WriteZoneFiles(IReadOnlyList<RbldnsdZone> zones)
    {
        var directory = Path.Combine(Path.GetTempPath(), "dnsbl-rbldnsd-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, WorldReadableFolder);
        }

        WriteZoneFiles(directory, zones);
        return directory;
    }

    private static void WriteZoneFiles(string directory, IReadOnlyList<RbldnsdZone> zones)
    {
        foreach (var zone in zones)
        {
            if (Path.GetFileName(zone.FileName) != zone.FileName)
            {
                throw new ArgumentException($"'{zone.FileName}' must be a plain file name.", nameof(zones));
            }

            var path = Path.Combine(directory, zone.FileName);
            File.WriteAllText(path, zone.Data);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, WorldReadableFile);
            }
        }
    }
}
