/** Attribution for every bundled data source (see data/ATTRIBUTION.md). */
export function Attribution() {
  return (
    <footer className="mt-8 text-xs text-slate-500">
      Charging-station data: U.S. DOE/NREL Alternative Fuels Data Center (public domain); Open Charge Map contributors (CC BY 4.0 / CC BY-SA 4.0,{' '}
      <a className="underline" href="https://openchargemap.org">
        openchargemap.org
      </a>
      ); contains public sector information licensed under the Open Government Licence v3.0 (UK National Chargepoint Registry); Bundesnetzagentur
      Ladesäulenregister (CC BY 4.0); Open EV Data by Chargeprice (MIT).
    </footer>
  );
}
