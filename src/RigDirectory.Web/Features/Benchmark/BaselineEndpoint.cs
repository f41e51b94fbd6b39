using RigDirectory.Web.Data.Seed;

namespace RigDirectory.Web.Features.Benchmark;

/// <summary>
/// The benchmark's yardstick: N bytes straight from memory, through the same pipeline as the pages. Mapped
/// only in the benchmark environment.
/// </summary>
public static class BaselineEndpoint
{
    private const int MaxBytes = 4 * 1024 * 1024;

    public static WebApplication MapBenchmarkBaseline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Environment.IsEnvironment(BenchmarkDataGenerator.Environment))
        {
            var content = CreateBytes();
            app.MapGet("/benchmark/baseline", (int bytes) =>
                    Results.Bytes(content.AsMemory(0, Math.Clamp(bytes, 0, MaxBytes)), "text/html; charset=utf-8"))
                .AllowAnonymous();
        }

        return app;
    }

    private static byte[] CreateBytes()
    {
        var bytes = new byte[MaxBytes];
        new Random(1).NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)('a' + (bytes[i] % 26));
        }

        return bytes;
    }
}
