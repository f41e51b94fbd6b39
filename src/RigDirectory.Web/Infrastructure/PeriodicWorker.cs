namespace RigDirectory.Web.Infrastructure;

/// <summary>
/// Background work that runs on the app's clock (tests move it): once soon after start (<see cref="AfterStart"/>), then every <see cref="Interval"/>,
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
        if (!Enabled || !await AfterStart.WaitAsync(Lifetime(), stoppingToken))
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

    private IHostApplicationLifetime Lifetime()
    {
        using var scope = scopes.CreateScope();
        return scope.ServiceProvider.GetRequiredService<IHostApplicationLifetime>();
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

/// <summary>
/// Background work begins a moment after the app starts serving, not while it starts: on a small machine, five
/// workers' first rounds (each compiling its queries) added a tenth of a second before the first request was answered.
/// </summary>
public static class AfterStart
{
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    /// <summary>Waits until the app has started and <see cref="Settle"/> has passed; false when it stops first.</summary>
    public static async Task<bool> WaitAsync(IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(lifetime);
        var started = lifetime.ApplicationStarted;
        try
        {
            if (!started.IsCancellationRequested)
            {
                var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                await using (started.Register(signal.SetResult))
                {
                    await signal.Task.WaitAsync(stoppingToken);
                }
            }

            // Real time, not the app's clock: a test's clock stands still until the test moves it.
            await Task.Delay(Settle, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
