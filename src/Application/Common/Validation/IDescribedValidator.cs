namespace CaseManager.Application.Common.Validation;

/// <summary>
/// A rule JSON Schema cannot state in full (an NHS number's check digit): the OpenAPI document says it in words in
/// the property's description (ADR 0021).
/// </summary>
public interface IDescribedValidator
{
    string Description { get; }
}
