import { mount } from '../shared/mount';
import { ProjectPage } from './ProjectPage';

mount(<ProjectPage />);
