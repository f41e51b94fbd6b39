using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace RigDirectory.FunctionalTests.Infrastructure;

/// <summary>A factory whose clock the test moves: expiries, session timeouts, the security-stamp refresh.</summary>
public class FakeClockFactory : RigDirectoryFactory
{
    public FakeClockFactory() => Clock = new FakeTimeProvider(Start);

    public FakeTimeProvider Clock { get; }

    /// <summary>Where the clock starts: a fixed moment, so tests do not depend on the day they run.</summary>
    protected virtual DateTimeOffset Start => new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.Configure<SecurityStampValidatorOptions>(options => options.TimeProvider = Clock);
            services.PostConfigureAll<CookieAuthenticationOptions>(options => options.TimeProvider = Clock);
        });
    }
}
