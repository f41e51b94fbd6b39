namespace RigDirectory.Web.Domain;

/// <summary>Shows enough of an address for its owner to recognise it, not enough for anyone else to learn it.</summary>
public static class EmailMask
{
    public static string Mask(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "•••" : $"{email[0]}•••{email[at..]}";
    }
}
