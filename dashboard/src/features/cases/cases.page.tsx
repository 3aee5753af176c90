import { useParams } from 'react-router';
import { CaseBoardPage } from './case-board.page';
import { CasePage } from './case.page';
import './cases.css';

/** `/cases` is the board, `/cases/<id>` one case. */
export function CasesPage() {
  const { id } = useParams();
  return id ? <CasePage key={id} id={id} /> : <CaseBoardPage />;
}
