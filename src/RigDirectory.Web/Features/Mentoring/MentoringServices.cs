using Microsoft.Extensions.Options;
using RigDirectory.Web.Infrastructure;

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
        services.AddSingleton<MentorSnapshot>();
        services.AddScoped<MentorFinderVary>();
        services.AddScoped<Kernel.IChangeListener, MentorSnapshotListener>();
        services.AddHostedService<MentorshipExpiryWorker>();
        return services;
    }
}

/// <summary>
/// Expires requests left unanswered, every <see cref="MentoringOptions.ExpiryInterval"/>. Several instances may run
/// it at once (see <see cref="MentorshipLifecycle.ExpireDueAsync"/>).
/// </summary>
public sealed class MentorshipExpiryWorker(IServiceScopeFactory scopes, IOptions<MentoringOptions> options, TimeProvider clock, ILogger<MentorshipExpiryWorker> logger)
    : PeriodicWorker(scopes, clock, logger)
{
    protected override bool Enabled => options.Value.RunWorker;

    protected override TimeSpan Interval => options.Value.ExpiryInterval;

    protected override string Done => "Expired {Count} unanswered mentorship requests";

    protected override Task<int> RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<MentorshipLifecycle>().ExpireDueAsync(cancellationToken);
}
