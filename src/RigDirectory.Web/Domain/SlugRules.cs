using System.Text;
using System.Text.RegularExpressions;

namespace RigDirectory.Web.Domain;

/// <summary>Stable, human-readable URL names: lowercase ASCII words joined by single hyphens.</summary>
public static partial class SlugRules
{
    public const int MaxLength = 120;

    public static bool IsValid(string? slug) =>
        slug is { Length: > 0 and <= MaxLength } && ValidSlug().IsMatch(slug);

    /// <summary>Makes a slug from any text: accents folded ("Université" → "universite"), everything else a hyphen.</summary>
    public static string From(string text)
    {
        var folded = TextFolding.Fold(text);
        var builder = new StringBuilder(folded.Length);
        var pendingHyphen = false;
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(c);
                pendingHyphen = false;
            }
            else
            {
                pendingHyphen = true;
            }
        }

        var slug = builder.ToString();
        return slug.Length <= MaxLength ? slug : slug[..MaxLength].TrimEnd('-');
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidSlug();
}
