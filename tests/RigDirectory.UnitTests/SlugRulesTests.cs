using RigDirectory.Web.Domain;

namespace RigDirectory.UnitTests;

public sealed class SlugRulesTests
{
    [Theory]
    [InlineData("Université de Montréal", "universite-de-montreal")]
    [InlineData("  Rowan-Virtua SOM — Sewell  ", "rowan-virtua-som-sewell")]
    [InlineData("A&M: EnMed (Houston)", "a-m-enmed-houston")]
    [InlineData("St. John's", "st-john-s")]
    public void From_AnyText_MakesAReadableSlug(string text, string expected)
    {
        Assert.Equal(expected, SlugRules.From(text));
    }

    [Fact]
    public void From_VeryLongText_IsCutToTheLimitWithoutATrailingHyphen()
    {
        var slug = SlugRules.From(string.Join(' ', Enumerable.Repeat("radiology", 40)));

        Assert.True(slug.Length <= SlugRules.MaxLength);
        Assert.False(slug.EndsWith('-'));
        Assert.True(SlugRules.IsValid(slug));
    }

    [Theory]
    [InlineData("harvard-medical-school", true)]
    [InlineData("rowan-som-sewell", true)]
    [InlineData("Harvard", false)]
    [InlineData("double--hyphen", false)]
    [InlineData("-leading", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValid_ChecksLowercaseHyphenForm(string? slug, bool expected)
    {
        Assert.Equal(expected, SlugRules.IsValid(slug));
    }
}
