using System.Reflection;
using System.Runtime.CompilerServices;

namespace Dnsbl.Client.Tests.PublicApi;

/// <summary>
/// Lists the public surface of an assembly as stable text: one line per type and per visible member, sorted ordinally,
/// with parameter names, defaults and nullable annotations, so that any change a caller could notice changes the text.
/// </summary>
internal static class PublicApiLister
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance |
        BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static string List(Assembly assembly)
    {
        // Sorted by the qualified name, so a member stays beside its type whatever its modifiers ("static ", "override ").
        var lines = new List<(string SortKey, string Text)>();
        foreach (var type in assembly.GetExportedTypes())
        {
            var (kind, name) = PublicApiFormatter.TypeHeader(type);
            lines.Add((name, $"{kind} {name}"));
            lines.AddRange(MemberLines(type));
        }

        return string.Join('\n', lines.OrderBy(l => l.SortKey, StringComparer.Ordinal).ThenBy(l => l.Text, StringComparer.Ordinal).Select(l => l.Text)) + "\n";
    }

    private static IEnumerable<(string SortKey, string Text)> MemberLines(Type type)
    {
        var owner = PublicApiFormatter.TypeName(type);
        if (type.IsEnum)
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                yield return ($"{owner}.{field.Name}", $"{owner}.{field.Name} = {Convert.ToInt64(field.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}");
            }

            yield break;
        }

        foreach (var member in type.GetMembers(Declared).Where(IsVisible))
        {
            if (PublicApiFormatter.Member(member) is var (modifiers, signature))
            {
                yield return ($"{owner}.{signature}", $"{modifiers}{owner}.{signature}");
            }
        }
    }

    private static bool IsVisible(MemberInfo member)
    {
        if (member.Name.StartsWith('<') || member.IsDefined(typeof(CompilerGeneratedAttribute)))
        {
            return false;
        }

        var sealedOwner = member.DeclaringType!.IsSealed;
        return member switch
        {
            MethodBase method => IsVisible(method, sealedOwner) && (!method.IsSpecialName || method.Name.StartsWith("op_", StringComparison.Ordinal) || method is ConstructorInfo),
            PropertyInfo property => property.GetAccessors(nonPublic: true).Any(a => IsVisible(a, sealedOwner)),
            FieldInfo field => field.IsPublic || (!sealedOwner && (field.IsFamily || field.IsFamilyOrAssembly)),
            EventInfo @event => @event.AddMethod is { } add && IsVisible(add, sealedOwner),
            _ => false, // nested types are listed as types of their own
        };
    }

    internal static bool IsVisible(MethodBase method, bool sealedOwner) =>
        method.IsPublic || (!sealedOwner && (method.IsFamily || method.IsFamilyOrAssembly));
}
