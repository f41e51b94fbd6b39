using System.Text;
using System.Text.Encodings.Web;

namespace RigDirectory.Web.Security;

/// <summary>How an authenticator app is given an account's key: typed (in groups of four) or scanned (an <c>otpauth://</c> address).</summary>
public static class Authenticator
{
    /// <summary>The key in lower case, in groups of four separated by spaces, as people type it.</summary>
    public static string Grouped(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var grouped = new StringBuilder(key.Length + key.Length / 4);
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return grouped.ToString().TrimEnd().ToLowerInvariant();
    }

    /// <summary>The key-uri format authenticator apps read: the issuer names the account in the app's list.</summary>
    public static string Uri(string issuer, string email, string key, UrlEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        var name = encoder.Encode(issuer);
        return $"otpauth://totp/{name}:{encoder.Encode(email)}?secret={key}&issuer={name}&digits=6";
    }
}
