using System.Globalization;

namespace Dnsbl.Client.Scoring;

/// <summary>A parsed meta-rule expression (see <see cref="MetaRule"/> for the syntax); evaluation is a walk of the tree.</summary>
internal abstract partial class MetaExpression
{
    /// <summary>Parentheses and unary operators nest at most this deep, so no input can exhaust the stack.</summary>
    public const int MaxDepth = 64;

    public IReadOnlyCollection<string> Operands { get; private set; } = [];

    public static MetaExpression Parse(string text)
    {
        var parser = new Parser(Tokenize(text), text);
        var expression = parser.ParseAll();
        expression.Operands = parser.Names;
        return expression;
    }

    /// <summary>The value, Perl-style: comparisons and <c>!</c> give 1 or 0; <c>&amp;&amp;</c>/<c>||</c> give an operand.</summary>
    public abstract double Evaluate(Func<string, double> valueOf);

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
            else if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
            else if (i + 1 < text.Length && text.AsSpan(i, 2) is "&&" or "||" or "<=" or ">=" or "==" or "!=")
            {
                tokens.Add(text.Substring(i, 2));
                i += 2;
            }
            else if ("()!+-*/<>".Contains(c, StringComparison.Ordinal))
            {
                tokens.Add(c.ToString());
                i++;
            }
            else
            {
                throw new FormatException($"Invalid meta expression \"{text}\": unexpected '{c}' at {i + 1}.");
            }
        }

        return tokens;
    }

    private sealed class Parser(List<string> tokens, string text)
    {
        private static readonly string[][] Levels =
        [
            ["||"], ["&&"], ["==", "!="], ["<", ">", "<=", ">="], ["+", "-"], ["*", "/"],
        ];

        private int position;
        private int depth;

        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

        public MetaExpression ParseAll()
        {
            if (tokens.Count == 0)
            {
                throw Error("the expression is empty");
            }

            var expression = ParseLevel(0);
            return position == tokens.Count ? expression : throw Error($"unexpected '{tokens[position]}'");
        }

        private MetaExpression ParseLevel(int level)
        {
            if (level == Levels.Length)
            {
                return ParseUnary();
            }

            var left = ParseLevel(level + 1);
            while (position < tokens.Count && Levels[level].Contains(tokens[position]))
            {
                var op = tokens[position++];
                left = new Binary(op, left, ParseLevel(level + 1));
            }

            return left;
        }

        private MetaExpression ParseUnary()
        {
            if (++depth > MaxDepth)
            {
                throw Error($"nested deeper than {MaxDepth}");
            }

            try
            {
                if (position >= tokens.Count)
                {
                    throw Error("the expression ends early");
                }

                var token = tokens[position++];
                switch (token)
                {
                    case "!" or "-" or "+":
                        var operand = ParseUnary();
                        return token == "+" ? operand : new Unary(token, operand);
                    case "(":
                        var inner = ParseLevel(0);
                        if (position >= tokens.Count || tokens[position++] != ")")
                        {
                            throw Error("a '(' is not closed");
                        }

                        return inner;
                }

                if (char.IsAsciiDigit(token[0]))
                {
                    return double.TryParse(token, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                        ? new Number(number)
                        : throw Error($"'{token}' is not a number");
                }

                if (char.IsAsciiLetter(token[0]) || token[0] == '_')
                {
                    Names.Add(token);
                    return new Name(token);
                }

                throw Error($"unexpected '{token}'");
            }
            finally
            {
                depth--;
            }
        }

        private FormatException Error(string reason) => new($"Invalid meta expression \"{text}\": {reason}.");
    }
}
