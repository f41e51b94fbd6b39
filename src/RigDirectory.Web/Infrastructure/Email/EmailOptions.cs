namespace RigDirectory.Web.Infrastructure.Email;

public sealed class EmailOptions
{
    public const string Section = "Email";

    public string FromAddress { get; set; } = "no-reply@rigdirectory.example";
    public string FromName { get; set; } = "RigDirectory";

    /// <summary>SMTP server; when empty, mail goes to <see cref="PickupDirectory"/> instead.</summary>
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;
    public string? SmtpUserName { get; set; }
    public string? SmtpPassword { get; set; }

    /// <summary>Folder (relative to the content root) where .eml files are written when no SMTP server is set.</summary>
    public string PickupDirectory { get; set; } = "App_Data/mail";
}
