using System.Collections;
using HubAspire.Core.Aggregations;

namespace HubAspire.Store.Tests.Store;

/// <summary>
/// The cubes of a run, handed out one by one, with a hook before cube <c>index</c> is taken: the
/// store has loaded the cubes before it, inside its still open transaction. The hook can wait
/// (to look at the database from outside mid-load) or throw (a load that fails half way).
/// </summary>
internal sealed class InterceptedCubeList(IReadOnlyList<CubeCells> cubes, int index, Func<Task> beforeCube) : IReadOnlyList<CubeCells>
{
    public int Count => cubes.Count;

    public CubeCells this[int i] => cubes[i];

    public IEnumerator<CubeCells> GetEnumerator()
    {
        for (var i = 0; i < cubes.Count; i++)
        {
            if (i == index)
            {
                // The store enumerates synchronously between its awaits; blocking here holds its transaction open.
                beforeCube().GetAwaiter().GetResult();
            }

            yield return cubes[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
