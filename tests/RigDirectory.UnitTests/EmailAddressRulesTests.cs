using RigDirectory.Web.Domain;

namespace RigDirectory.UnitTests;

public sealed class EmailAddressRulesTests
{
    [Theory]
    [InlineData("name@school.edu", true)]
    [InlineData("first.o'brien+rig@med.school.example.org", true)]
    [InlineData("=cmd@evil.example", false)]
    [InlineData("=HYPERLINK(\"http://evil.example\")@evil.example", false)]
    [InlineData("a..b@school.edu", false)]
    [InlineData("name.@school.edu", false)]
    [InlineData("name@-school.edu", false)]
    [InlineData("name@school", false)]
    [InlineData("na me@school.edu", false)]
    [InlineData("<script>@school.edu", false)]
    public void IsValid_AcceptsOnlyPlainAddresses(string address, bool valid) =>
        Assert.Equal(valid, EmailAddressRules.IsValid(address));

    [Fact]
    public void IsValid_LongerThan254Characters_IsRefused() =>
        Assert.False(EmailAddressRules.IsValid(new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".org"));
}
