/** The parts of simpleheat 0.4 the benchmark uses (the package ships no types). */
declare module 'simpleheat' {
  interface SimpleHeat {
    radius(r: number, blur?: number): SimpleHeat;
    max(max: number): SimpleHeat;
    add(point: [number, number, number]): SimpleHeat;
    draw(minOpacity?: number): SimpleHeat;
  }
  export default function simpleheat(canvas: HTMLCanvasElement): SimpleHeat;
}
