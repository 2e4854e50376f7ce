namespace Dnsbl.Client.Scoring;

/// <summary>The expression tree's nodes: names, numbers, unary and binary operators with Perl's results.</summary>
internal abstract partial class MetaExpression
{
    private static bool IsTrue(double value) => value != 0 && !double.IsNaN(value);

    private sealed class Name(string name) : MetaExpression
    {
        public override double Evaluate(Func<string, double> valueOf) => valueOf(name);
    }

    private sealed class Number(double value) : MetaExpression
    {
        public override double Evaluate(Func<string, double> valueOf) => value;
    }

    private sealed class Unary(string op, MetaExpression operand) : MetaExpression
    {
        public override double Evaluate(Func<string, double> valueOf)
        {
            var value = operand.Evaluate(valueOf);
            return op == "!" ? (IsTrue(value) ? 0 : 1) : -value;
        }
    }

    private sealed class Binary(string op, MetaExpression left, MetaExpression right) : MetaExpression
    {
        public override double Evaluate(Func<string, double> valueOf)
        {
            var a = left.Evaluate(valueOf);
            switch (op)
            {
                case "&&":
                    return IsTrue(a) ? right.Evaluate(valueOf) : a;
                case "||":
                    return IsTrue(a) ? a : right.Evaluate(valueOf);
            }

            var b = right.Evaluate(valueOf);
            return op switch
            {
                "+" => a + b,
                "-" => a - b,
                "*" => a * b,
                "/" => b == 0 ? 0 : a / b, // Perl dies on it and SpamAssassin's meta then does not hit
                "<" => a < b ? 1 : 0,
                ">" => a > b ? 1 : 0,
                "<=" => a <= b ? 1 : 0,
                ">=" => a >= b ? 1 : 0,
                "==" => a == b ? 1 : 0,
                _ => a != b ? 1 : 0,
            };
        }
    }
}
