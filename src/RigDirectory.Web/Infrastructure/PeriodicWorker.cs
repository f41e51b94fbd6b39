namespace RigDirectory.Web.Infrastructure;

/// <summary>
/// Background work that runs on the app's clock (tests move it): once at start, then every <see cref="Interval"/>,
/// each round in its own scope. A failed round is logged and the next one tries again. Several instances may run
/// the same work at once, so each round's work must be safe to run twice.
/// </summary>
public abstract class PeriodicWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>Whether this instance runs the work (tests that share one in-memory connection turn it off).</summary>
    protected abstract bool Enabled { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>One round; returns how many things it did, for the log.</summary>
    protected abstract Task<int> RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken);

    /// <summary>What a round did, for the log: "Expired {Count} unanswered mentorship requests".</summary>
    protected abstract string Done { get; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            if (!await RoundAsync(stoppingToken))
            {
                return;
            }

            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One round in a scope of its own, logged; false when the app is stopping.</summary>
    private async Task<bool> RoundAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var count = await RunOnceAsync(scope.ServiceProvider, stoppingToken);
            if (count > 0)
            {
#pragma warning disable CA2254 // Each worker's message is a constant template of its own.
                logger.LogInformation(Done, count);
#pragma warning restore CA2254
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
#pragma warning disable CA1031 // The database may be briefly unavailable; the next round tries again.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.LogError(exception, "{Worker} failed; trying again at the next round.", GetType().Name);
        }

        return true;
    }
}
