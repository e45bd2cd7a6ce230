using CaseManager.Domain.People;

namespace CaseManager.Domain.UnitTests;

public sealed class NhsNumberTests
{
    [Theory]
    [InlineData("9434765919")]
    [InlineData("943 476 5919")]
    [InlineData("943-476-5919")]
    [InlineData("4010232137")]
    public void IsValid_WithCorrectCheckDigit_IsTrue(string candidate) => NhsNumber.IsValid(candidate).Should().BeTrue();

    [Theory]
    [InlineData("9434765918")]
    [InlineData("943476591")]
    [InlineData("94347659199")]
    [InlineData("94347659A9")]
    [InlineData("")]
    public void IsValid_WithWrongDigitOrShape_IsFalse(string candidate) => NhsNumber.IsValid(candidate).Should().BeFalse();

    [Fact]
    public void IsValid_WhenCheckDigitWouldBeTen_IsFalse()
    {
        // 1000000010: weighted sum 10*1 + 2*1 = 12, 11 - (12 mod 11) = 10, which no NHS number may have.
        NhsNumber.IsValid("1000000010").Should().BeFalse();
    }
}
