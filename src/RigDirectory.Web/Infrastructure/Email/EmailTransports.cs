using System.Text.RegularExpressions;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace RigDirectory.Web.Infrastructure.Email;

/// <summary>Where a finished message goes: an SMTP server or a folder.</summary>
public interface IEmailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

public sealed class SmtpEmailTransport(IOptions<EmailOptions> options) : IEmailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient();
        await client.ConnectAsync(settings.SmtpHost ?? throw new InvalidOperationException("Email:SmtpHost is not set."), settings.SmtpPort, SecureSocketOptions.Auto, cancellationToken);
        if (!string.IsNullOrEmpty(settings.SmtpUserName))
        {
            await client.AuthenticateAsync(settings.SmtpUserName, settings.SmtpPassword ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>
/// Writes each message as an .eml file and logs its first link, so that email confirmation works on a
/// machine with no mail server.
/// </summary>
public sealed partial class PickupDirectoryEmailTransport(
    IOptions<EmailOptions> options,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<PickupDirectoryEmailTransport> logger) : IEmailTransport
{
    public string Directory => Path.GetFullPath(options.Value.PickupDirectory, environment.ContentRootPath);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        System.IO.Directory.CreateDirectory(Directory);
        var stamp = clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        var path = Path.Combine(Directory, $"{stamp}-{Guid.NewGuid():N}.eml");
        // Written under another name, then renamed: whoever watches the folder never opens half a message.
        var partial = path + ".partial";
        await message.WriteToAsync(partial, cancellationToken);
        File.Move(partial, path);

        if (environment.IsDevelopment())
        {
            // A developer's own demo mail: the address and the link to click, so no mail reader is needed.
            var link = FirstLink(message.HtmlBody ?? message.TextBody ?? "");
            logger.LogInformation("Email to {To} saved to {Path}. Subject: {Subject}. Link: {Link}",
                message.To.ToString(), path, message.Subject, link ?? "(none)");
        }
        else
        {
            // Elsewhere logs are kept and shipped: no address, and no link (links carry tokens).
            logger.LogInformation("Email {MessageId} saved to {Path}", message.MessageId, path);
        }
    }

    public static string? FirstLink(string body)
    {
        var match = HrefPattern().Match(body);
        return match.Success ? System.Net.WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("href=['\"]([^'\"]+)['\"]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HrefPattern();
}
