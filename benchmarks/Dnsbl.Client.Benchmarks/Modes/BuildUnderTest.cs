using System.Reflection;
using System.Runtime.Loader;

namespace Dnsbl.Client.Benchmarks.Modes;

/// <summary>
/// One build of this benchmark project (and the library it carries), loaded from its output folder into a load context of
/// its own, so that two builds parse and plan the same messages side by side in one process.
/// </summary>
internal sealed class BuildUnderTest
{
    private const BindingFlags AnyStatic = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;
    private readonly MethodInfo _parseAndPlan;
    private readonly object _lists;

    /// <param name="directory">The build's output folder (holding Dnsbl.Client.Benchmarks.dll).</param>
    public BuildUnderTest(string directory)
    {
        var entry = Path.Combine(Path.GetFullPath(directory), "Dnsbl.Client.Benchmarks.dll");
        if (!File.Exists(entry))
        {
            throw new FileNotFoundException($"no benchmark build in {directory}", entry);
        }

        var assembly = new BuildLoadContext(entry).LoadFromAssemblyPath(entry);
        var plan = assembly.GetType("Dnsbl.Client.Benchmarks.Messages.MessagePlanBenchmarks", throwOnError: true)!;
        _parseAndPlan = plan.GetMethod("ParseAndPlanAsync", AnyStatic) ?? throw new MissingMethodException("MessagePlanBenchmarks", "ParseAndPlanAsync");
        _lists = plan.GetMethod("DefaultLists", AnyStatic)!.Invoke(null, null)!;
        Directory = directory;
    }

    /// <summary>Where the build was loaded from.</summary>
    public string Directory { get; }

    /// <summary>Parses and plans one message with this build (MessagePlanBenchmarks.ParseAndPlanAsync).</summary>
    public Task<int> ParseAndPlanAsync(byte[] message) => (Task<int>)_parseAndPlan.Invoke(null, [message, _lists])!;

    // Resolves the build's own dependencies (its Dnsbl.Client.dll above all) from its folder, never from the host's.
    private sealed class BuildLoadContext(string entry) : AssemblyLoadContext(isCollectible: false)
    {
        private readonly AssemblyDependencyResolver _resolver = new(entry);

        protected override Assembly? Load(AssemblyName assemblyName) =>
            _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;

        protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
            _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
    }
}
