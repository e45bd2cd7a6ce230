namespace CaseManager.Application.Common;

/// <summary>
/// A string of a view (or each string of a list) that holds one of a fixed set of names: an enum's, or named
/// constants. The OpenAPI document declares them as the property's enum (ADR 0021), so that a partner's generated
/// client gets the values and the contract walk fails on any other.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NamesOfAttribute : Attribute
{
    public NamesOfAttribute(Type enumType) => Names = Enum.GetNames(enumType);

    public NamesOfAttribute(params string[] names) => Names = names;

    public IReadOnlyList<string> Names { get; }
}
