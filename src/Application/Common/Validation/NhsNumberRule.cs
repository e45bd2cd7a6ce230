using System.Text.RegularExpressions;
using CaseManager.Domain.People;
using FluentValidation;
using FluentValidation.Validators;

namespace CaseManager.Application.Common.Validation;

/// <summary>
/// An NHS number: 10 digits (spaces and hyphens between them allowed) whose last is the modulus 11 check digit. The
/// pattern is what the OpenAPI document declares (a regular expression cannot check the digit); blank means none.
/// </summary>
public sealed partial class NhsNumberValidator<T> : PropertyValidator<T, string?>, IRegularExpressionValidator, IDescribedValidator
{
    public const string Pattern = @"^(\s*|[\s-]*([0-9][\s-]*){10})$";

    public override string Name => "NhsNumberValidator";

    public string Expression => Pattern;

    public string Description => "An NHS number: 10 digits, spaces or hyphens between them allowed. The last digit is the modulus 11 check digit, which is checked (400 when it does not match).";

    public override bool IsValid(ValidationContext<T> context, string? value) =>
        string.IsNullOrWhiteSpace(value) || (Shape().IsMatch(value) && NhsNumber.IsValid(value));

    protected override string GetDefaultMessageTemplate(string errorCode) => "Enter a valid NHS number: 10 digits with a correct check digit";

    [GeneratedRegex(Pattern)]
    private static partial Regex Shape();
}

public static class NhsNumberRules
{
    public static IRuleBuilderOptions<T, string?> NhsNumber<T>(this IRuleBuilder<T, string?> rule) =>
        rule.SetValidator(new NhsNumberValidator<T>());
}
