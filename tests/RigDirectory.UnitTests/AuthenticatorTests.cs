using System.Text.Encodings.Web;
using RigDirectory.Web.Security;

namespace RigDirectory.UnitTests;

public sealed class AuthenticatorTests
{
    [Theory]
    [InlineData("ABCDEFGHIJKLMNOP", "abcd efgh ijkl mnop")]
    [InlineData("ABCDEF", "abcd ef")]
    [InlineData("", "")]
    public void TheKey_IsTypedInGroupsOfFour(string key, string grouped) => Assert.Equal(grouped, Authenticator.Grouped(key));

    [Fact]
    public void TheUri_NamesTheIssuer_InTheLabelAndTheQuery()
    {
        var uri = Authenticator.Uri("ACR RigDirectory", "ada@acr.example", "ABCD", UrlEncoder.Default);

        Assert.Equal("otpauth://totp/ACR%20RigDirectory:ada@acr.example?secret=ABCD&issuer=ACR%20RigDirectory&digits=6", uri);
    }
}
