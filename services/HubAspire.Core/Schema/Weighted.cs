namespace HubAspire.Core.Schema;

/// <summary>A value list with the probability of each value, in the same order.</summary>
public sealed class Weighted
{
    public Weighted(string[] values, double[] probabilities)
    {
        if (values.Length != probabilities.Length)
        {
            throw new ArgumentException("Each value needs exactly one probability.", nameof(probabilities));
        }

        var total = probabilities.Sum();
        if (Math.Abs(total - 1.0) > 1e-9)
        {
            throw new ArgumentException($"Probabilities must sum to 1, not {total}.", nameof(probabilities));
        }

        Values = values;
        Probabilities = probabilities;
    }

    public string[] Values { get; }

    public double[] Probabilities { get; }

    public int IndexOf(string value) => Array.IndexOf(Values, value);
}
