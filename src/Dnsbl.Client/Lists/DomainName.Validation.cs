using System.Diagnostics.CodeAnalysis;

namespace Dnsbl.Client.Lists;

/// <summary>The checks on already-ASCII names, usable on spans without allocating (the cached lookup path).</summary>
internal static partial class DomainName
{
    /// <summary>Whether <paramref name="name"/> is already a normalised, valid name (so it can be used as it is).</summary>
    public static bool IsNormalized(ReadOnlySpan<char> name)
    {
        if (name.Length is 0 or > MaxLength)
        {
            return false;
        }

        var labelStart = 0;
        for (var position = 0; position <= name.Length; position++)
        {
            if (position < name.Length && name[position] != '.')
            {
                if (!IsLowerLabelCharacter(name[position]))
                {
                    return false;
                }

                continue;
            }

            var label = name[labelStart..position];
            if (label.Length is 0 or > MaxLabelLength || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            labelStart = position + 1;
        }

        return true;
    }

    private static bool IsLowerLabelCharacter(char character) =>
        character is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_';

    private static bool TryCheckLabel(string label, int number, [NotNullWhen(false)] out string? error)
    {
        if (label.Length > MaxLabelLength)
        {
            error = $"label {number} is {label.Length} octets; the limit is {MaxLabelLength}";
            return false;
        }

        foreach (var character in label)
        {
            if (!IsLowerLabelCharacter(character))
            {
                error = $"label {number} ('{label}') contains '{character}'; only letters, digits, '-' and '_' are allowed";
                return false;
            }
        }

        if (label[0] == '-' || label[^1] == '-')
        {
            error = $"label {number} ('{label}') starts or ends with '-'";
            return false;
        }

        error = null;
        return true;
    }
}
