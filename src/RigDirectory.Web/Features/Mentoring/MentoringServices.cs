using Microsoft.Extensions.Options;
using RigDirectory.Web.Lifecycle;

namespace RigDirectory.Web.Features.Mentoring;

/// <summary>How mentoring's background work runs: <c>Mentoring:*</c> in configuration.</summary>
public sealed class MentoringOptions
{
    public const string Section = "Mentoring";

    /// <summary>Whether this instance expires unanswered requests (tests that share one in-memory connection turn it off).</summary>
    public bool RunWorker { get; set; } = true;

    /// <summary>How often the worker looks for requests past their answer-by date.</summary>
    public TimeSpan ExpiryInterval { get; set; } = TimeSpan.FromMinutes(10);
}

public static class MentoringServices
{
    public static IServiceCollection AddMentoring(this IServiceCollection services)
    {
        services.AddOptions<MentoringOptions>().BindConfiguration(MentoringOptions.Section);
        services.AddScoped<MentoringQueries>();
        services.AddScoped<MentorAdminQueries>();
        services.AddHostedService<MentorshipExpiryWorker>();
        return services;
    }
}

/// <summary>
/// Expires requests left unanswered, on the app's clock (tests move it): once at start, then every
/// <see cref="MentoringOptions.ExpiryInterval"/>. Several instances may run it at once (see <see cref="MentorshipLifecycle.ExpireDueAsync"/>).
/// </summary>
public sealed class MentorshipExpiryWorker(IServiceScopeFactory scopes, IOptions<MentoringOptions> options, TimeProvider clock, ILogger<MentorshipExpiryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunWorker)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var expired = await scope.ServiceProvider.GetRequiredService<MentorshipLifecycle>().ExpireDueAsync(stoppingToken);
                if (expired > 0)
                {
                    logger.LogInformation("Expired {Count} unanswered mentorship requests", expired);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The database may be briefly unavailable; the next round tries again.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                logger.LogError(exception, "Could not expire mentorship requests; trying again at the next round.");
            }

            try
            {
                await Task.Delay(options.Value.ExpiryInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
