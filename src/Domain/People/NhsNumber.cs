namespace CaseManager.Domain.People;

/// <summary>NHS number rules: ten digits whose last digit is a modulus 11 check digit.</summary>
public static class NhsNumber
{
    public static bool IsValid(string candidate)
    {
        var digits = new string(candidate.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }

        return check != 10 && check == digits[9] - '0';
    }

    public static string Normalise(string candidate) =>
        new(candidate.Where(char.IsAsciiDigit).ToArray());
}
