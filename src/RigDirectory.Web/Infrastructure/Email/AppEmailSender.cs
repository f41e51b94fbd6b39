using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.Extensions.Options;
using MimeKit;

namespace RigDirectory.Web.Infrastructure.Email;

/// <summary>The one way the app sends mail; Identity's account emails come through here too.</summary>
public sealed class AppEmailSender(IEmailTransport transport, IOptions<EmailOptions> options) : IEmailSender
{
    public Task SendEmailAsync(string email, string subject, string htmlMessage) =>
        SendAsync(email, subject, htmlMessage, CancellationToken.None);

    public Task SendAsync(string email, string subject, string htmlMessage, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        message.To.Add(MailboxAddress.Parse(email));
        message.Subject = subject;
        message.Body = new BodyBuilder { HtmlBody = htmlMessage }.ToMessageBody();
        return transport.SendAsync(message, cancellationToken);
    }
}

public static class EmailServiceCollectionExtensions
{
    public static IServiceCollection AddAppEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        var smtpHost = configuration[$"{EmailOptions.Section}:{nameof(EmailOptions.SmtpHost)}"];
        if (string.IsNullOrWhiteSpace(smtpHost))
        {
            services.AddSingleton<IEmailTransport, PickupDirectoryEmailTransport>();
        }
        else
        {
            services.AddSingleton<IEmailTransport, SmtpEmailTransport>();
        }

        services.AddTransient<IEmailSender, AppEmailSender>();
        services.AddScoped<RigMailer>();
        services.AddScoped<Security.AccountEmails>();
        services.AddScoped<Security.OutgoingEmailCaps>();
        return services;
    }
}
