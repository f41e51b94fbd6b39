using Microsoft.AspNetCore.Identity.UI.Services;
using RigDirectory.Web.Auditing;
using RigDirectory.Web.Infrastructure.Email;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Notifications;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>The audit log, the outbox with its worker, and the transport it sends through (SMTP, or a folder of .eml files).</summary>
    public static IServiceCollection AddAppNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        var email = configuration.GetSection(EmailOptions.Section);
        var outbox = configuration.GetSection(OutboxOptions.Section);
        services.Configure<EmailOptions>(email);
        services.Configure<OutboxOptions>(outbox);
        if (string.IsNullOrWhiteSpace(email.Get<EmailOptions>()?.SmtpHost))
        {
            services.AddSingleton<IEmailTransport, PickupDirectoryEmailTransport>();
        }
        else
        {
            services.AddSingleton<IEmailTransport, SmtpEmailTransport>();
        }

        services.AddScoped<AuditLog>();
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<Outbox>();
        services.AddScoped<EmailNotifications>();
        services.AddScoped<IEmailSender, OutboxEmailSender>();
        services.AddScoped<MailQuota>();
        services.AddSingleton<OutboxSender>();
        if (outbox.Get<OutboxOptions>()?.RunWorker ?? true)
        {
            services.AddHostedService<OutboxWorker>();
        }

        return services;
    }
}
