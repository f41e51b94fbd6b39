using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Security;

/// <summary>
/// Authenticator-app codes (RFC 6238: HMAC-SHA1, 30-second steps, six digits) that work once. Identity's own
/// provider accepts a code as often as it likes within its window, so one code seen or phished signs in a second
/// session. Here a code is accepted only if its step is later than the last step the account used, claimed by a
/// conditional update, so two sessions racing with one code get one sign-in between them, on any instance.
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider(AppDbContext db, TimeProvider clock) : AuthenticatorTokenProvider<ApplicationUser>
{
    /// <summary>Steps accepted either side of the server's: an app's clock may be 30 seconds off.</summary>
    public const int Drift = 1;

    private const int StepSeconds = 30;

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token is not { Length: 6 } || !token.All(char.IsAsciiDigit) || Base32(key) is not { } secret)
        {
            return false;
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        for (var step = now - Drift; step <= now + Drift; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(CodeAt(secret, step)), System.Text.Encoding.ASCII.GetBytes(token)))
            {
                return await ClaimAsync(user.Id, step);
            }
        }

        return false;
    }

    /// <summary>True when this step is later than any the account used, which it now is.</summary>
    private async Task<bool> ClaimAsync(string userId, long step) =>
        await db.WriteAsync(() => db.Users.Where(u => u.Id == userId && (u.AuthenticatorStepUsed == null || u.AuthenticatorStepUsed < step))
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.AuthenticatorStepUsed, step)), CancellationToken.None) == 1;

    private static string CodeAt(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 authenticator codes are HMAC-SHA1 by definition; authenticator apps compute nothing else.
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
        HMACSHA1.HashData(secret, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var truncated = BinaryPrimitives.ReadInt32BigEndian(hash.Slice(offset, sizeof(int))) & int.MaxValue;
        return (truncated % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>The key as Identity stores it (RFC 4648 base32, upper case); null if it is not base32.</summary>
    private static byte[]? Base32(string key)
    {
        var output = new byte[key.Length * 5 / 8];
        var (accumulator, pending, written) = (0, 0, 0);
        foreach (var symbol in key.TrimEnd('='))
        {
            var value = symbol switch
            {
                >= 'A' and <= 'Z' => symbol - 'A',
                >= '2' and <= '7' => symbol - '2' + 26,
                _ => -1,
            };
            if (value < 0)
            {
                return null;
            }

            accumulator = ((accumulator << 5) | value) & 0xFFFF;
            pending += 5;
            if (pending >= 8 && written < output.Length)
            {
                pending -= 8;
                output[written++] = (byte)(accumulator >> pending);
            }
        }

        return output[..written];
    }
}
