using Microsoft.Extensions.Options;
using RigDirectory.Web.Infrastructure;

namespace RigDirectory.Web.Features.Stewardship.Verification;

/// <summary>How the directory's upkeep runs: <c>Stewardship:*</c> in configuration.</summary>
public sealed class StewardshipOptions
{
    public const string Section = "Stewardship";

    /// <summary>Whether this instance runs the upkeep (tests that share one in-memory connection turn it off).</summary>
    public bool RunWorker { get; set; } = true;

    /// <summary>How often the worker ends graduated officers' terms and sends the reminders due.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}

public static class StewardshipServices
{
    public static IServiceCollection AddStewardship(this IServiceCollection services)
    {
        services.AddOptions<StewardshipOptions>().BindConfiguration(StewardshipOptions.Section);
        services.AddHostedService<StewardshipWorker>();
        return services;
    }
}

/// <summary>
/// The directory's upkeep every <see cref="StewardshipOptions.Interval"/> on the app's clock; safe beside another
/// instance's (see <see cref="RigStewardship"/>).
/// </summary>
public sealed class StewardshipWorker(IServiceScopeFactory scopes, IOptions<StewardshipOptions> options, TimeProvider clock, ILogger<StewardshipWorker> logger)
    : PeriodicWorker(scopes, clock, logger)
{
    protected override bool Enabled => options.Value.RunWorker;

    protected override TimeSpan Interval => options.Value.Interval;

    protected override string Done => "Stewardship: ended terms or sent reminders for {Count} RIGs";

    protected override Task<int> RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<RigStewardship>().RunAsync(cancellationToken);
}
