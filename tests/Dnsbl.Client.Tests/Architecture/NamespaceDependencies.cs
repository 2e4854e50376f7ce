using Mono.Cecil.Cil;
using Mono.Cecil;

namespace Dnsbl.Client.Tests.Architecture;

/// <summary>
/// Which namespaces of one assembly use which, read from the compiled IL (signatures, attributes and method bodies),
/// so a dependency counts whether or not a <c>using</c> directive names it: code in <c>Dnsbl.Client.Health</c> sees
/// the types of <c>Dnsbl.Client</c> without one.
/// </summary>
internal static class NamespaceDependencies
{
    /// <summary>
    /// For each component of <paramref name="assemblyPath"/> (as <paramref name="componentOf"/> names a top-level type's
    /// component from its namespace and name; null leaves the type out): the other components it uses, each with one example.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Read(string assemblyPath, Func<string, string, string?> componentOf)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var graph = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in module.GetTypes())
        {
            var (fromNamespace, fromName) = Outermost(type);
            var from = componentOf(fromNamespace, fromName);
            if (from is null)
            {
                continue;
            }

            foreach (var used in UsedTypes(type))
            {
                var (toNamespace, toName) = Outermost(used);
                var to = componentOf(toNamespace, toName);
                if (to is not null && to != from)
                {
                    var edges = graph.TryGetValue(from, out var found) ? found : graph[from] = new(StringComparer.Ordinal);
                    edges.TryAdd(to, $"{type.FullName} uses {used.FullName}");
                }
            }
        }

        return graph.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, string>)p.Value, StringComparer.Ordinal);
    }

    /// <summary>The namespace and name of every top-level type of <paramref name="assemblyPath"/> (compiler-generated ones left out).</summary>
    public static IEnumerable<(string Namespace, string Name)> TopLevelTypes(string assemblyPath)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        return [.. module.Types.Where(t => !t.Name.StartsWith('<')).Select(t => (t.Namespace, StripArity(t.Name)))];
    }

    // A nested type (and a compiler-generated one, e.g. an async state machine) belongs to its outermost type.
    private static (string Namespace, string Name) Outermost(TypeReference type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return (type.Namespace, StripArity(type.Name));
    }

    private static string StripArity(string name) => name.IndexOf('`', StringComparison.Ordinal) is var tick and >= 0 ? name[..tick] : name;

    private static IEnumerable<TypeReference> UsedTypes(TypeDefinition type)
    {
        if (type.BaseType is { } baseType)
        {
            foreach (var t in Expand(baseType)) yield return t;
        }

        foreach (var t in type.Interfaces.SelectMany(i => Expand(i.InterfaceType))) yield return t;
        foreach (var t in Attributes(type.CustomAttributes)) yield return t;
        foreach (var field in type.Fields)
        {
            foreach (var t in Expand(field.FieldType)) yield return t;
            foreach (var t in Attributes(field.CustomAttributes)) yield return t;
        }

        foreach (var property in type.Properties)
        {
            foreach (var t in Expand(property.PropertyType)) yield return t;
        }

        foreach (var evt in type.Events)
        {
            foreach (var t in Expand(evt.EventType)) yield return t;
        }

        foreach (var method in type.Methods)
        {
            foreach (var t in Expand(method.ReturnType)) yield return t;
            foreach (var t in method.Parameters.SelectMany(p => Expand(p.ParameterType))) yield return t;
            foreach (var t in Attributes(method.CustomAttributes)) yield return t;
            if (!method.HasBody)
            {
                continue;
            }

            foreach (var t in method.Body.Variables.SelectMany(v => Expand(v.VariableType))) yield return t;
            foreach (var instruction in method.Body.Instructions)
            {
                foreach (var t in Operand(instruction)) yield return t;
            }
        }
    }

    private static IEnumerable<TypeReference> Operand(Instruction instruction) => instruction.Operand switch
    {
        TypeReference t => Expand(t),
        MethodReference m => Expand(m.DeclaringType).Concat(Expand(m.ReturnType)).Concat(m.Parameters.SelectMany(p => Expand(p.ParameterType)))
            .Concat(m is GenericInstanceMethod g ? g.GenericArguments.SelectMany(Expand) : []),
        FieldReference f => Expand(f.DeclaringType).Concat(Expand(f.FieldType)),
        _ => [],
    };

    private static IEnumerable<TypeReference> Attributes(IEnumerable<CustomAttribute> attributes) =>
        attributes.SelectMany(a => Expand(a.AttributeType));

    // Arrays, by-refs, pointers and generic instances name the types inside them.
    private static IEnumerable<TypeReference> Expand(TypeReference type)
    {
        switch (type)
        {
            case GenericInstanceType generic:
                foreach (var t in Expand(generic.ElementType)) yield return t;
                foreach (var t in generic.GenericArguments.SelectMany(Expand)) yield return t;
                break;
            case TypeSpecification spec:
                foreach (var t in Expand(spec.ElementType)) yield return t;
                break;
            case GenericParameter:
                break;
            default:
                yield return type;
                break;
        }
    }
}
