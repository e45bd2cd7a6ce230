using FluentValidation;
using FluentValidation.Validators;

namespace CaseManager.Application.Common.Validation;

/// <summary>A list rule the OpenAPI document declares as <c>minItems</c> (ADR 0021).</summary>
public interface IMinimumItemsValidator
{
    int Min { get; }
}

/// <summary>
/// A list of codes that must name at least <see cref="Min"/> different values, whatever their case ("police" and
/// "POLICE" are one). A missing list is left to NotNull.
/// </summary>
public sealed class DistinctItemsValidator<T>(int min) : PropertyValidator<T, IReadOnlyList<string>>, IMinimumItemsValidator
{
    public int Min => min;

    public override string Name => "DistinctItemsValidator";

    public override bool IsValid(ValidationContext<T> context, IReadOnlyList<string> value) =>
        value is null || value.Where(v => v is not null).Select(v => v.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() >= min;

    protected override string GetDefaultMessageTemplate(string errorCode) => $"Select at least {min} different values";
}

public static class DistinctItemsRules
{
    public static IRuleBuilderOptions<T, IReadOnlyList<string>> DistinctItems<T>(this IRuleBuilder<T, IReadOnlyList<string>> rule, int min) =>
        rule.SetValidator(new DistinctItemsValidator<T>(min));
}
