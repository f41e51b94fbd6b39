using Microsoft.Extensions.Options;
using RigDirectory.Web.Infrastructure;
using RigDirectory.Web.Infrastructure.Holes;

namespace RigDirectory.Web.Features.Events;

/// <summary>How events' background work runs: <c>Events:*</c> in configuration.</summary>
public sealed class EventOptions
{
    public const string Section = "Events";

    /// <summary>Whether this instance queues reminders (tests that share one in-memory connection turn it off).</summary>
    public bool RunWorker { get; set; } = true;

    /// <summary>How often the worker looks for events starting within a day whose reminders are not yet queued.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(10);
}

public static class EventServices
{
    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
        services.AddOptions<EventOptions>().BindConfiguration(EventOptions.Section);
        services.AddSingleton<EventSnapshot>();
        services.AddScoped<EventCache>();
        services.AddScoped<Kernel.IChangeListener, EventChangeListener>();
        services.AddScoped<EventViewerParts>();
        services.AddHole<EventJoinHole>(EventJoinHole.Name);
        services.AddHole<EventPlaceHole>(EventPlaceHole.Name);
        services.AddSingleton<CalendarFragments>();
        services.AddScoped<CalendarFeeds>();
        services.AddScoped<EventHosting>();
        services.AddScoped<EventLifecycle>();
        services.AddScoped<EventRegistrationLifecycle>();
        services.AddHostedService<EventReminderWorker>();
        return services;
    }
}

/// <summary>Queues the join-link reminders a day before each event (see <see cref="EventRegistrationLifecycle.QueueRemindersAsync"/>).</summary>
public sealed class EventReminderWorker(IServiceScopeFactory scopes, IOptions<EventOptions> options, TimeProvider clock, ILogger<EventReminderWorker> logger)
    : PeriodicWorker(scopes, clock, logger)
{
    protected override bool Enabled => options.Value.RunWorker;

    protected override TimeSpan Interval => options.Value.ReminderInterval;

    protected override string Done => "Queued the reminders of {Count} events";

    protected override Task<int> RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<EventRegistrationLifecycle>().QueueRemindersAsync(cancellationToken);
}
