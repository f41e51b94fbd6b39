using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using RigDirectory.Web.Infrastructure.Email;

namespace RigDirectory.UnitTests;

public sealed class EmailTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rigdirectory-mail-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void FirstLink_HtmlEncodedHref_IsDecoded()
    {
        var link = PickupDirectoryEmailTransport.FirstLink("<p>Hi</p><a href=\"https://x.example/confirm?userId=1&amp;code=abc\">Confirm</a><a href=\"https://other\">x</a>");

        Assert.Equal("https://x.example/confirm?userId=1&code=abc", link);
    }

    [Fact]
    public async Task PickupTransport_WritesAReadableEmlFile()
    {
        var options = Options.Create(new EmailOptions { PickupDirectory = _folder });
        var transport = new PickupDirectoryEmailTransport(options, new TestEnvironment(), new FakeTimeProvider(), NullLogger<PickupDirectoryEmailTransport>.Instance);
        var email = new MimeMessage { Subject = "Confirm", Body = new BodyBuilder { HtmlBody = "<a href=\"https://x.example/c\">Confirm</a>" }.ToMessageBody() };
        email.From.Add(MailboxAddress.Parse("no-reply@rigdirectory.example"));
        email.To.Add(MailboxAddress.Parse("leader@example.org"));

        await transport.SendAsync(email, CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(_folder, "*.eml"));
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("leader@example.org", message.To.Mailboxes.Single().Address);
        Assert.Equal("Confirm", message.Subject);
        Assert.Contains("https://x.example/c", message.HtmlBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development", true)]
    [InlineData("Production", false)]
    public async Task PickupTransport_LogsTheAddressAndLink_OnlyInDevelopment(string environment, bool logged)
    {
        var log = new LinesLogger();
        var transport = new PickupDirectoryEmailTransport(Options.Create(new EmailOptions { PickupDirectory = _folder }), new TestEnvironment { EnvironmentName = environment }, new FakeTimeProvider(), log);
        var email = new MimeMessage { Subject = "Reset your password", Body = new BodyBuilder { HtmlBody = "<a href=\"https://x.example/reset?code=secret-token\">Reset</a>" }.ToMessageBody() };
        email.From.Add(MailboxAddress.Parse("no-reply@rigdirectory.example"));
        email.To.Add(MailboxAddress.Parse("leader@example.org"));

        await transport.SendAsync(email, CancellationToken.None);

        var line = Assert.Single(log.Lines);
        Assert.Equal(logged, line.Contains("leader@example.org", StringComparison.Ordinal));
        Assert.Equal(logged, line.Contains("secret-token", StringComparison.Ordinal));
        Assert.Contains(".eml", line, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private sealed class LinesLogger : Microsoft.Extensions.Logging.ILogger<PickupDirectoryEmailTransport>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "RigDirectory.Web";
        public string ContentRootPath { get; set; } = Path.GetTempPath();
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
