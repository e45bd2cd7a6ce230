namespace CaseManager.Web.Pages;

public static class FormValues
{
    /// <summary>
    /// The answer to a radios question, or a value outside the enum when none was chosen, so that the command's
    /// validator reports the missing answer in its own words, together with every other error on the form.
    /// </summary>
    public static TEnum OrUnselected<TEnum>(this TEnum? value)
        where TEnum : struct, Enum =>
        value ?? (TEnum)Enum.ToObject(typeof(TEnum), -1);
}
