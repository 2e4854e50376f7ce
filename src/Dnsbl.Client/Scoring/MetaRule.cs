namespace Dnsbl.Client.Scoring;

/// <summary>
/// A rule over other rules' hits, as SpamAssassin's <c>meta</c> rules: when <see cref="Expression"/> is true for a
/// message (or a check), <see cref="Weight"/> is added once. Operands are rule names (<see cref="Lists.ReturnCodeRule.Name"/>
/// of any list, or other meta rules): a rule that hit counts 1, one that did not 0, a meta rule its value.
/// </summary>
/// <remarks>
/// <para>Syntax (Perl's, as SpamAssassin evaluates it): names, decimal numbers, parentheses, <c>!</c>, <c>* /</c>,
/// <c>+ -</c>, <c>&lt; &gt; &lt;= &gt;=</c>, <c>== !=</c>, <c>&amp;&amp;</c>, <c>||</c>, from tightest to loosest.
/// <c>&amp;&amp;</c> and <c>||</c> give an operand's value (not just 0/1), so <c>(A || B) + C</c> counts as Perl counts it.
/// A rule hits when the value is non-zero; its value for other meta rules is then the expression's value, or 1 when that is negative.</para>
/// <para>Rules named with a leading <c>__</c> are never scored (as in SpamAssassin) whatever <see cref="Weight"/> says. A meta
/// rule that depends on itself, directly or not, never hits. Immutable, so thread-safe.</para>
/// </remarks>
public sealed class MetaRule
{
    /// <summary>Creates a meta rule.</summary>
    /// <param name="name">The rule's name.</param>
    /// <param name="expression">The expression over rule names.</param>
    /// <param name="weight">What a hit adds to the score.</param>
    /// <exception cref="ArgumentException">The name is empty.</exception>
    /// <exception cref="FormatException">The expression is not valid; the message says where.</exception>
    public MetaRule(string name, string expression, double weight)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(expression);
        if (!double.IsFinite(weight))
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "A meta rule's weight must be a finite number.");
        }

        Name = name;
        Expression = expression;
        Weight = weight;
        Compiled = MetaExpression.Parse(expression);
    }

    /// <summary>The rule's name.</summary>
    public string Name { get; }

    /// <summary>The expression, as given.</summary>
    public string Expression { get; }

    /// <summary>What a hit adds to the score (nothing for <c>__</c> rules).</summary>
    public double Weight { get; }

    /// <summary>Whether the rule only feeds other meta rules (its name starts with <c>__</c>).</summary>
    public bool IsSubRule => Name.StartsWith("__", StringComparison.Ordinal);

    internal MetaExpression Compiled { get; }

    /// <summary>The rule names the expression reads.</summary>
    public IReadOnlyCollection<string> Operands => Compiled.Operands;

    /// <inheritdoc />
    public override string ToString() => $"{Name} = {Expression}";
}
