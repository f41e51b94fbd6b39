namespace RigDirectory.Testing;

/// <summary>A factory whose clock starts at a fixed moment, so tests of dates do not depend on the day they run.</summary>
public class FakeClockFactory : RigDirectoryFactory
{
    protected override DateTimeOffset Start => new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
}
