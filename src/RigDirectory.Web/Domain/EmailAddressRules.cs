using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace RigDirectory.Web.Domain;

/// <summary>
/// The one email syntax of the app, for every email field: a plain <c>local@domain.tld</c> address. Stricter than
/// RFC 5322 on purpose: no quotes, parentheses, spaces or leading symbols, so an address can never carry a formula
/// (<c>=HYPERLINK(…)</c>) or markup into an export, a page or a mail header.
/// </summary>
public static partial class EmailAddressRules
{
    public const int MaxLength = 254;

    public const string Message = "Enter an email address like name@school.edu.";

    public static bool IsValid(string? address) =>
        address is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(address);

    // Local part: starts with a letter or digit, then letters, digits and . _ % + ' - (no two dots in a row, no
    // dot at the end). Domain: dot-separated labels of letters, digits and inner hyphens, ending in a TLD of letters.
    [GeneratedRegex(@"^[A-Za-z0-9](?:[A-Za-z0-9_%+'-]|\.(?!\.))*(?<!\.)@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

/// <summary>Validates with <see cref="EmailAddressRules"/>; renders as <c>type="email"</c>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class ValidEmailAttribute : DataTypeAttribute
{
    public ValidEmailAttribute()
        : base(DataType.EmailAddress) => ErrorMessage = EmailAddressRules.Message;

    // Empty is for [Required] to judge: an optional email field may be left blank.
    public override bool IsValid(object? value) =>
        value is null || (value is string text && (text.Length == 0 || EmailAddressRules.IsValid(text.Trim())));
}
