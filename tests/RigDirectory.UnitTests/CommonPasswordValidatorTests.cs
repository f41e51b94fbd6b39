using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.UnitTests;

public sealed class CommonPasswordValidatorTests
{
    private static readonly ApplicationUser User = new() { Email = "jordan.lee@school.edu", UserName = "jordan.lee@school.edu", DisplayName = "Jordan Lee" };

    private static async Task<bool> AcceptsAsync(string password) =>
        (await new CommonPasswordValidator().ValidateAsync(null!, User, password)).Succeeded;

    [Theory]
    [InlineData("password1234")]
    [InlineData("qwertyuiop123")]
    [InlineData("abcdefghijkl")]
    [InlineData("111111111111")]
    [InlineData("jordanlee2026")]
    [InlineData("radiology123!")]
    [InlineData("iloveyou1234")]
    public async Task Validate_CommonOrPersonalPasswords_AreRefused(string password) => Assert.False(await AcceptsAsync(password));

    [Theory]
    [InlineData("correct horse battery")]
    [InlineData("orchid tramway meadow")]
    [InlineData("leader edit password")]
    [InlineData("lantern orchard demo")]
    [InlineData("juniper tramline ledger")]
    public async Task Validate_PhrasesOfUnrelatedWords_AreAccepted(string password) => Assert.True(await AcceptsAsync(password));

    [Fact]
    public async Task Validate_Refusal_SaysWhyAndWhatToDo()
    {
        var result = await new CommonPasswordValidator().ValidateAsync(null!, User, "password1234");

        Assert.Contains("too easy to guess", result.Errors.Single().Description, StringComparison.Ordinal);
        Assert.Contains("Try a longer phrase", result.Errors.Single().Description, StringComparison.Ordinal);
    }
}
